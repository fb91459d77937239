import JournalCLI
JournalMain.run()
