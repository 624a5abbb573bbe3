"""The Intents page: purchase-intent forms listed, edited, previewed, printed and tracked."""
