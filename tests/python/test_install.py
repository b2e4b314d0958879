"""`cmake --install` puts an importable package where the build says."""

import os
import pathlib
import subprocess
import sys

import pytest


def test_installed_package_imports(tmp_path):
    cmake = os.environ.get("EMBARGO_CMAKE")
    build = os.environ.get("EMBARGO_BUILD_DIR")
    libdir = os.environ.get("EMBARGO_PYTHON_INSTALL_DIR")
    if not (cmake and build and libdir):
        pytest.skip("run from ctest, which says where the build is")
    prefix = tmp_path / "prefix"
    subprocess.run([cmake, "--install", build, "--prefix", str(prefix),
                    "--component", "python"], check=True,
                   stdout=subprocess.DEVNULL)
    site = prefix / libdir
    assert (site / "embargo" / "__init__.py").exists()
    env = dict(os.environ, PYTHONPATH=str(site))
    article = (pathlib.Path(os.environ["EMBARGO_SOURCE_DIR"]) / "examples" /
               "data" / "article_2023.textproto")
    code = ("import embargo, sys\n"
            "print(embargo.__file__)\n"
            f"g = embargo.load({str(article)!r})\n"
            "print(g.actor('PRK').name)\n")
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path,
                         check=True, capture_output=True, text=True).stdout
    file, name = out.splitlines()
    assert pathlib.Path(file).resolve().is_relative_to(site.resolve())
    assert name == "North Korea"
