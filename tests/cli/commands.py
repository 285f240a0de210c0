"""What the command-line tests share: two reports of one flood and a way to run the command."""

from synopsis.cli.main import main

WIRE = """Skip to main content
RIVERTON, May 4 /EXAMPLE WIRE/ - Floodwater forced about 1,200 people from their homes in Riverton on Monday, the city's emergency office said.

Mayor Hana Okafor told reporters that the river peaked at 6:30 p.m. local time. "We have never seen it rise this fast," she said.

Donate today to keep independent journalism alive.
"""
PAPER = """The river in Riverton burst its banks on Monday and more than 1,000 residents left their homes, officials said.

According to Mayor Hana Okafor, the water peaked in the early evening. Schools will stay closed for three days.
"""
GERMAN = "Die Regierung hat am Montag neue Maßnahmen beschlossen, die ab nächster Woche gelten sollen. Das teilte ein Sprecher mit."


def run(capsys, *argv):
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err
