"""Storage: SQLAlchemy models, the engine factory and unit of work, Alembic migrations."""
