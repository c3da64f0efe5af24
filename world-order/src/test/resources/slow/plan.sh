pkg_name=slow
pkg_origin=core
# Sourcing this hangs: --eval must give up on it and go on with the next plan.
sleep 600
