NAME = "desktop_start"


def run(bench):
    return []
