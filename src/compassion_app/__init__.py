"""Compassion Companion: a gentle desktop companion for daily Compassion-Focused Therapy practice."""

__version__ = "0.1.0"
