"""factory-boy / wagtail-factories factories, one module per app of the package (and one for users).

Import them from their app's module: ``from tests.factories.stories import StoryPageFactory``. Translatable
models default to the default locale (English); pass ``locale=`` for another. Add a model's factory to its
app's module when the model is added.
"""
