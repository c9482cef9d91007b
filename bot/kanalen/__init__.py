"""Input and output channels of our own. Rasa loads them by module path from credentials.yml
(it runs with bot/ as working directory, so `kanalen.widget` imports like `components`)."""
