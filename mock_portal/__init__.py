"""The bundled mock Microsoft 365 admin center that the end-to-end suite drives."""

from mock_portal.app import create_app

__all__ = ["create_app"]
