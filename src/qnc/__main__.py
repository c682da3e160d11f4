from qnc.cli import main

main()
