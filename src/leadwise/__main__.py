from leadwise.cli import main

# Guarded: a spawned helper process (an import's row preparation) imports this module again.
if __name__ == "__main__":
    main()
