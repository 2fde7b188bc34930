"""European English, as the SEiSMiC networks and the EU institutions write it: "5 February 2027", "14:00".

Django's own ``en`` formats are US style ("Feb. 5, 2027, 2 p.m."). Only the display formats are set here; the
input formats and the number separators stay Django's ``en`` ones.
"""

DATE_FORMAT = "j F Y"  # '25 October 2006'
TIME_FORMAT = "H:i"  # '14:30'
DATETIME_FORMAT = "j F Y, H:i"  # '25 October 2006, 14:30'
YEAR_MONTH_FORMAT = "F Y"  # 'October 2006'
MONTH_DAY_FORMAT = "j F"  # '25 October'
SHORT_DATE_FORMAT = "d/m/Y"  # '25/10/2006'
SHORT_DATETIME_FORMAT = "d/m/Y H:i"  # '25/10/2006 14:30'
FIRST_DAY_OF_WEEK = 1  # Monday
