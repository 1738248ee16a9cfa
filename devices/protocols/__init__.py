"""Wire protocols of MRZ readers: one pure frame decoder per protocol (bytes in, events out), and the
encoder its simulator uses, so both sides speak exactly the same bytes."""
