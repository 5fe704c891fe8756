"""Stage 2, analyse: text normalisation, features, the issue classifier and its training, the
shared-corpus reader, and partner organisations (codebook sections 1 and 2)."""
