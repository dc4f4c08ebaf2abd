"""Signal detectors: extracted items -> analytic signals, each with the evidence it rests on."""
