"""Drivers for the booth's readers, scanners, cameras and barcode readers, each with a simulator.
No Qt widgets: devices report through thread-safe callbacks."""
