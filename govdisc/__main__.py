from govdisc.cli import main

main()
