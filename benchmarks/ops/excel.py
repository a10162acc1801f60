NAME = "excel"


def run(bench):
    return []
