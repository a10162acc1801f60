NAME = "desktop_memory"


def run(bench):
    return []
