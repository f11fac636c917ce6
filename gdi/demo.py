"""Everything the demo needs before serving, in order. Steps are ``module:function(settings)``; a step
that cannot be loaded stops the demo with a message naming it."""
from __future__ import annotations

import logging

import click

from core.plugins import require

LOGGER = logging.getLogger(__name__)

DEMO_STEPS: list[str] = [
    "gdi.commands.pointcloud:demo_measure_step",  # demo laser scan, tree heights measured (the trees
                                                  #  dataset publishes them: option `measurements`)
    "gdi.demo:run_all_etl",                       # every dataset in datasets/ (+ post-publish hooks,
                                                  #  among them 60_plan_variants: planned-building variants)
    "gdi.citymodel_demo:build_demo_tiles",        # 3D Tiles of the buildings (+ planned variants)
    "gdi.commands.terrain:demo_step",             # the demo DGM as Cesium terrain (/terrain/)
    "services.participation.demo:seed_demo",      # demo procedure with open participation period
    "gdi.commands.pointcloud:demo_step",          # generated laser scan -> 3D Tiles, tree heights measured
]


def run_all_etl(settings) -> None:
    from core.config import load_registry
    from transforms.pipeline import run_dataset
    reg = load_registry(settings.datasets_dir)
    for ds in reg.values():
        res = run_dataset(ds, settings)
        s = res.summary
        click.echo(f"ETL {ds.id}: read {s['read']} / repaired {s['repaired']} / rejected {s['rejected']} / "
                   f"published {s['published']}")
    from core.hooks import run_post_publish
    run_post_publish(settings)


def prepare_demo(settings) -> None:
    for step in DEMO_STEPS:
        fn = require(step, what="demo step")
        click.echo(f"demo: {step}")
        fn(settings)
