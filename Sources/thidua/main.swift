print("thidua")
