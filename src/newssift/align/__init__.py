"""Align: stories, facts and figures across documents."""
