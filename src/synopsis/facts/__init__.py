"""What a statement states (its values, dates, numbered episodes and actors), read by both link and compare."""
