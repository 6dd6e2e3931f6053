"""Commands that write: init, new, event, schema export. Every write is atomic."""
