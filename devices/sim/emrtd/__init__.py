"""A virtual eMRTD written by the project: a test PKI (CSCA -> document signer), the data groups and
EF.SOD of a synthetic traveller with forged variants, and a chip that answers the travel-document
application's APDUs in-process or through vsmartcard's virtual PC/SC reader (``vpcd``)."""
