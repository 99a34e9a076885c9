"""Command-line tools of the suite (``python -m tools.<name>``) and what the plugins share with
them: which Chromium to launch (``browser``), ffmpeg for Playwright's videos (``ffmpeg``), the
Allure results' quality gate (``quality_gate``). No pytest plugin lives here."""
