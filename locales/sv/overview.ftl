# The overview report of a large model and its split pages (issue 15).
# Same messages in every language.
