"""bilingual: offline Chinese -> English bilingual editions (Simplified | Traditional | English)."""

__version__ = "0.1.0"
