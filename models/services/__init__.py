"""One module per user intention; each public function runs one transaction."""
