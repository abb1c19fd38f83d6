"""Open data of the cooperation register: the data dictionary, the streamed downloads (CSV, XLSX,
JSON), their JSON Schema and the DCAT catalogue. See docs/open-data.md."""
