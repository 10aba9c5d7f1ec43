from onrecord.cli import app

app(prog_name="onrecord")
