"""Processing provider and algorithms of Photo Motifs (thin adapters over core/)."""
