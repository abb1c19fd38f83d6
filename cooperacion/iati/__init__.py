"""The register in IATI 2.03: the crosswalk from its codelists, the activity XML, the views."""
