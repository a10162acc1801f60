NAME = "dispatch_pdf"


def run(bench):
    return []
