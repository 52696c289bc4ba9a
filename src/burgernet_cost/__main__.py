from burgernet_cost.cli import main

raise SystemExit(main())
