NAME = "adequacy"


def run(bench):
    return []
