"""Bauleitplanung e-participation (§ 3 BauGB): procedures, statements, moderation, export, kiosk."""
