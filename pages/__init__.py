"""Page objects of the mock admin center: role-based locators, accessible names passed in."""
