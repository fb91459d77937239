import ArgumentParser

/// `journal help completions` (and `journal completions`): where the shell completion scripts come from and where
/// each shell looks for them. Hidden from the command list: it records and reads nothing.
struct Completions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completions",
        abstract: "Shell completion for bash, zsh and fish: subcommands, options, goal keys and milestone refs.",
        discussion: Completions.text,
        shouldDisplay: false)

    static let text = """
        journal --generate-completion-script SHELL prints the script for bash, zsh or
        fish. Install it once, then open a new shell:
        bash (with the bash-completion package):
          journal --generate-completion-script bash \\
            > ~/.local/share/bash-completion/completions/journal
          or add to ~/.bashrc: source <(journal --generate-completion-script bash)
        zsh:
          mkdir -p ~/.zfunc
          journal --generate-completion-script zsh > ~/.zfunc/_journal
          and in ~/.zshrc, before compinit: fpath=(~/.zfunc $fpath)
        fish:
          journal --generate-completion-script fish \\
            > ~/.config/fish/completions/journal.fish
        TAB then completes subcommands and options, and the goal keys and milestone
        refs (aws, network/3) of the journal the command line names: its --db, else
        $JOURNAL_DB, else the default one. It only reads the journal, and offers
        nothing when there is none.
        """

    func run() {
        print(Completions.text)
    }
}
