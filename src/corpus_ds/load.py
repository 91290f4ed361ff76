"""load(), tables(), cite(): placeholder until the release exists."""
def load(*a, **k): raise NotImplementedError
def tables(*a, **k): raise NotImplementedError
def cite(*a, **k): raise NotImplementedError
