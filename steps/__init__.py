"""The one English step grammar every locale's generated feature uses."""
