"""Compassion Companion: a gentle desktop companion for daily compassion-focused practice."""

__version__ = "0.1.0"
