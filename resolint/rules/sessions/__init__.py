"""SS: session and meeting names — ordinals, consistency with the number and symbols, dates."""
