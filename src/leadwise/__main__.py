from leadwise.cli import main

main()
