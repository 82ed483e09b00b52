"""Defaults and names shared by the assistant; the environment is read only in `settings.py`."""

ENV_PREFIX = "SORI_"
DEFAULT_HOME = "~/.local/share/sori"
DEFAULT_CONFIDENCE_THRESHOLD = 0.55
# Below this the turn is not even offered as a guess; the policy answers out of scope.
DEFAULT_FALLBACK_THRESHOLD = 0.25
DEFAULT_SQL_TIMEOUT_MS = 3000
DEFAULT_SQL_ROW_CAP = 1000
DEFAULT_PAGE_SIZE = 5
# Text longer than this is cut before understanding; the reply says so.
MAX_TEXT_CHARS = 2000
DEFAULT_UI_HOST = "127.0.0.1"
DEFAULT_UI_PORT = 7860
DEFAULT_ACTIONS_PORT = 5055
DEMO_DATABASE = "demo"
