"""Stored conversations: Rasa's SQL tracker store without identifiers and without old
conversations (opslag.py), and the command that removes old conversations (opruimen.py).

Not in bot/components: files there are training inputs, and a change would force a retrain.
"""
