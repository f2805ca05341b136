"""Reports over stored statements: dossiers (Markdown, HTML, PDF), watchlist feeds, exports."""
