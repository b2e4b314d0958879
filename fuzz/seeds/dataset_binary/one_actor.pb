"
RUS