NAME = "posting"


def run(bench):
    return []
