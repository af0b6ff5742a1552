"""Saving and loading: model configs (the closed class registry) and HDF5 files."""
