from qnc.cli.app import main

main()
