NAME = "rotation"


def run(bench):
    return []
